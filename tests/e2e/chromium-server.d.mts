import type { LaunchOptions } from 'playwright-core';

export const BROWSER_ENDPOINT_VARIABLE: string;
export function chromiumLaunchOptions(): LaunchOptions;
export default function launchSharedChromium(): Promise<void>;
export function closeSharedChromium(): Promise<void>;
