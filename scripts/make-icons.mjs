#!/usr/bin/env node
// Usage: node scripts/make-icons.mjs
// Renders resources/icon.svg in headless Chromium (the one the tests use; CHROMIUM_PATH to choose) into every size
// electron-builder and the window need: resources/icons/<n>x<n>.png (Linux), icon.png, icon.ico and icon.icns.
// The outputs are committed, so packaging needs no browser; run this again after changing the SVG.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { icnsFile, icoFile } from './icons/iconContainers.mjs';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const RESOURCES = path.join(ROOT, 'resources');
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const svg = fs.readFileSync(path.join(RESOURCES, 'icon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  // Chromium refuses to run sandboxed as root, which build containers are.
  args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
});
const pngs = new Map();
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(`<!doctype html><html><body style="margin:0">${sized}</body></html>`);
    pngs.set(size, await page.screenshot({ omitBackground: true }));
    await page.close();
  }
} finally {
  await browser.close();
}

fs.mkdirSync(path.join(RESOURCES, 'icons'), { recursive: true });
for (const size of SIZES.filter((size) => size <= 512))
  fs.writeFileSync(path.join(RESOURCES, 'icons', `${size}x${size}.png`), pngs.get(size));
fs.writeFileSync(path.join(RESOURCES, 'icon.png'), pngs.get(1024));
fs.writeFileSync(
  path.join(RESOURCES, 'icon.ico'),
  icoFile([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, png: pngs.get(size) }))),
);
fs.writeFileSync(
  path.join(RESOURCES, 'icon.icns'),
  icnsFile([16, 32, 64, 128, 256, 512, 1024].map((size) => ({ size, png: pngs.get(size) }))),
);
console.log(`icons written to ${path.relative(ROOT, RESOURCES)}/`);
