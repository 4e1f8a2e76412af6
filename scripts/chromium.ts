/**
 * How this project drives Debian's Chromium headless (tests and benchmarks alike): never a
 * downloaded browser, no background traffic, WebGL through SwiftShader on machines without a GPU.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
];
