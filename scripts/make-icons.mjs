// Renders the two Teams app icons from inline SVG with headless Chromium, so they stay reproducible:
//   appPackage/color.png   192×192, full-bleed colour background
//   appPackage/outline.png  32×32, white motif on a fully transparent background
// Run with `node scripts/make-icons.mjs`; needs /usr/bin/chromium (Debian package `chromium`).
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium-launch.mjs';

const APP_PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'appPackage');

/** Accent colours of the colour icon; keep `accentColor` in appPackage/manifest.json equal to BACKGROUND_DARK. */
const BACKGROUND_LIGHT = '#138A9C';
const BACKGROUND_DARK = '#0B5F73';

/** Points on a circle, starting at the top and going clockwise, used for the ring of allies. */
function ringPoints(cx, cy, radius, count) {
  return Array.from({ length: count }, (_, index) => {
    const angle = -Math.PI / 2 + (index * 2 * Math.PI) / count;
    return { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle) };
  });
}

/**
 * The motif: one person (the key figure) inside a ring of five linked allies.
 * The geometry is drawn on a 32-unit grid so both icons share one drawing; `scale` and `offset` map it to pixels.
 */
function motif({ scale, offset, ring, node, stroke }) {
  const unit = (value) => (value * scale + offset).toFixed(2);
  const size = (value) => (value * scale).toFixed(2);
  const nodes = ringPoints(16, 16, ring, 5)
    .map((p) => `<circle cx="${unit(p.x)}" cy="${unit(p.y)}" r="${size(node)}" fill="#FFFFFF"/>`)
    .join('');
  // One continuous ring links the allies; the node dots sit on top of it.
  const ringArc = `<circle cx="${unit(16)}" cy="${unit(16)}" r="${size(ring)}" fill="none" stroke="#FFFFFF"
    stroke-width="${size(stroke)}" opacity="0.9"/>`;
  const head = `<circle cx="${unit(16)}" cy="${unit(12.3)}" r="${size(3.1)}" fill="#FFFFFF"/>`;
  const shoulders = `<path fill="#FFFFFF" d="M ${unit(10.7)} ${unit(21)}
    C ${unit(10.7)} ${unit(17.8)} ${unit(13.1)} ${unit(16.4)} ${unit(16)} ${unit(16.4)}
    C ${unit(18.9)} ${unit(16.4)} ${unit(21.3)} ${unit(17.8)} ${unit(21.3)} ${unit(21)}
    Q ${unit(21.3)} ${unit(22)} ${unit(20.3)} ${unit(22)}
    L ${unit(11.7)} ${unit(22)} Q ${unit(10.7)} ${unit(22)} ${unit(10.7)} ${unit(21)} Z"/>`;
  return `${ringArc}${nodes}${head}${shoulders}`;
}

/** The 192×192 colour icon: a teal-to-blue field with the white motif in the central safe area. */
function colorIconSvg() {
  const background = `<defs>
      <linearGradient id="field" x1="0" y1="0" x2="1" y2="1">
        <stop offset="0" stop-color="${BACKGROUND_LIGHT}"/>
        <stop offset="1" stop-color="${BACKGROUND_DARK}"/>
      </linearGradient>
    </defs>
    <rect width="192" height="192" fill="url(#field)"/>`;
  // 32 units × 3.75 = 120 px, centred with 36 px margins, so the motif survives a rounded-corner mask.
  const drawing = motif({ scale: 3.75, offset: 36, ring: 11.6, node: 2.55, stroke: 1.25 });
  return svg(192, `${background}${drawing}`);
}

/** The 32×32 outline icon: the same motif in white only, with thicker strokes for 32 px, on a transparent background. */
function outlineIconSvg() {
  const drawing = motif({ scale: 1, offset: 0, ring: 12.2, node: 2.7, stroke: 1.6 });
  return svg(32, drawing);
}

function svg(size, body) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"
    viewBox="0 0 ${size} ${size}">${body}</svg>`;
}

async function renderPng(browser, { svgMarkup, size, transparent, file }) {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  await page.setContent(
    `<!doctype html><html><body style="margin:0;background:transparent">${svgMarkup}</body></html>`,
  );
  await page.screenshot({
    path: file,
    clip: { x: 0, y: 0, width: size, height: size },
    omitBackground: transparent,
  });
  await page.close();
}

async function main() {
  await mkdir(APP_PACKAGE_DIR, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
  try {
    await renderPng(browser, {
      svgMarkup: colorIconSvg(),
      size: 192,
      transparent: false,
      file: join(APP_PACKAGE_DIR, 'color.png'),
    });
    await renderPng(browser, {
      svgMarkup: outlineIconSvg(),
      size: 32,
      transparent: true,
      file: join(APP_PACKAGE_DIR, 'outline.png'),
    });
  } finally {
    await browser.close();
  }
  process.stdout.write('Wrote appPackage/color.png (192×192) and appPackage/outline.png (32×32)\n');
}

main().catch((error) => {
  process.stderr.write(
    `Could not render the icons: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
