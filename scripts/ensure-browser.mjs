#!/usr/bin/env node
// Browser tests need Debian's Chromium and CJK fonts (Chinese text must render in screenshots);
// the OSM street basemap tests need osmium-tool, which `npm run basemap` runs on the fixture.
// As root on Debian, install what is missing; otherwise stop and say exactly what to install.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasFonts = () => spawnSync('sh', ['-c', 'fc-list :lang=zh family | grep -qi "Noto Sans CJK"']).status === 0;
const missing = [];
if (!existsSync(CHROMIUM)) missing.push('chromium');
if (!hasFonts()) missing.push('fonts-noto-cjk');
if (spawnSync('osmium', ['--version'], { stdio: 'ignore' }).status !== 0) missing.push('osmium-tool');
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (isRoot && hasApt) {
  console.log(`Installing Debian packages for the tests: ${missing.join(' ')}`);
  execSync('apt-get update -qq', { stdio: 'inherit' });
  execSync(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`, { stdio: 'inherit' });
  process.exit(0);
}
console.error(
  `The tests need: ${missing.join(', ')}.\n` +
    `Install them with:  sudo apt-get install -y ${missing.join(' ')}\n` +
    '(or set CHROMIUM_PATH to another Chromium binary).',
);
process.exit(1);
