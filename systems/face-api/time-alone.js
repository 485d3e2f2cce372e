'use strict';
/*
 * The face-api system's latency alone: the worker's own template and analysis code called directly in
 * one Node.js process, without the harness or the protocol, on every JPEG/PNG in the folders given.
 * Prints the median and mean milliseconds per image after a warm-up. Not a test: a tool for the numbers
 * in docs/face-api-system.md.
 *
 *   node systems/face-api/time-alone.js DIR...
 */
const fs = require('fs');
const path = require('path');
const system = require('./worker.js');

function images(dirs) {
  const found = [];
  for (const dir of dirs) {
    for (const name of fs.readdirSync(dir).sort()) {
      const format = /\.jpe?g$/i.test(name) ? 'jpeg' : /\.png$/i.test(name) ? 'png' : null;
      if (format) {
        found.push({ id: path.join(dir, name), format, data: fs.readFileSync(path.join(dir, name)) });
      }
    }
  }
  return found;
}

function summary(label, times) {
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  process.stdout.write(`${label}: ${times.length} images, median ${median.toFixed(1)} ms, mean ${mean.toFixed(1)} ms per image\n`);
}

async function main() {
  const all = images(process.argv.slice(2));
  if (all.length === 0) {
    process.stderr.write('usage: node systems/face-api/time-alone.js DIR... (folders of JPEG or PNG images)\n');
    process.exit(2);
  }
  await system.open();
  for (const image of all.slice(0, 5)) { // warm-up: WebAssembly compilation and first-call costs
    await system.createTemplate([image], [image.data]).catch(() => {});
  }
  for (const [label, call] of [['template', (i) => system.createTemplate([i], [i.data])],
    ['analysis', (i) => system.analyze(i, i.data)]]) {
    const times = [];
    for (const image of all) {
      const start = process.hrtime.bigint();
      await call(image).catch((e) => {
        if (!(e instanceof system.Failure)) {
          throw e;
        }
      });
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    summary(label, times);
  }
}

main();
