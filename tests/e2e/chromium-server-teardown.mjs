// Jest globalTeardown takes a module's default export: the shared browser's close (see chromium-server.mjs).
export { closeSharedChromium as default } from './chromium-server.mjs';
