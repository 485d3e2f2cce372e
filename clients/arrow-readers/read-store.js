#!/usr/bin/env node
// Reads a run's comparisons.arrows (an Arrow IPC stream with ZSTD-compressed buffers, written by Arrow
// Java) with an Arrow implementation other than Touchstone's own, and prints as JSON what that library
// sees: the columns with their types as it names them, and every value, so that a test can check that an
// independent reader gets back exactly what Touchstone wrote (run-format's ArrowReadersTest does).
//
//   node read-store.js --reader arrow-js RUN/comparisons.arrows   # Apache Arrow JS, ZSTD through fzstd
//   node read-store.js --reader polars   RUN/comparisons.arrows   # Polars (its Rust core) for Node.js
//
// Output: {"reader", "library", "version", "rows", "batches" (arrow-js: rows per record batch, as the
// stream has them; polars: null, it concatenates them), "columns": [{"name", "type", "nullable"}],
// "values": {column: [one entry per row]}}. Values: the int32 template rows as JSON numbers; status and
// failure_code as their dictionary text; failure_message as text; score as the float64's 16 hex digits
// (its IEEE 754 bits, so that -0.0 and the last bit are checked, which a JSON number cannot show);
// latency_ns as a decimal string (an int64 does not fit a JSON number); null where the value is null.
// Exit code 1, with the error on stderr, when the library cannot read the file.
'use strict';

const fs = require('fs');
const path = require('path');

const COLUMNS = ['enrolment_template', 'probe_template', 'status', 'failure_code', 'failure_message', 'score',
  'latency_ns'];

function usage(message) {
  process.stderr.write(`${message}\nusage: node read-store.js --reader arrow-js|polars FILE\n`);
  process.exit(2);
}

/** The float64's IEEE 754 bits as 16 hex digits (big-endian order of the value, as Java's %016x prints them). */
function bits(value) {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  return view.getBigUint64(0).toString(16).padStart(16, '0');
}

/** The version of the package that require(name) loads (some packages do not export their package.json). */
function packageVersion(name) {
  for (let dir = path.dirname(require.resolve(name)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const json = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (json.name === name) {
        return json.version;
      }
    }
  }
  throw new Error(`no package.json found for ${name}`);
}

/** Apache Arrow JS: it reads compressed IPC only with a codec registered for the compression type. */
function readWithArrowJs(file) {
  const arrow = require('apache-arrow');
  const fzstd = require('fzstd');
  arrow.compressionRegistry.set(arrow.CompressionType.ZSTD, {
    // fzstd may return a view at an offset that is not a multiple of 8, and Arrow JS views the decompressed
    // bytes in place (a Float64Array needs that alignment): copy such a view to a buffer of its own.
    decode(bytes) {
      const out = fzstd.decompress(bytes);
      return out.byteOffset % 8 === 0 ? out : out.slice();
    },
  });
  const reader = arrow.RecordBatchReader.from(fs.readFileSync(file)).open();
  const schema = reader.schema; // read before the batches: the reader lets go of it at the end of the stream
  const values = Object.fromEntries(COLUMNS.map((name) => [name, []]));
  const batches = [];
  for (const batch of reader) {
    batches.push(batch.numRows);
    for (const name of COLUMNS) {
      const vector = batch.getChild(name);
      const out = values[name];
      for (let i = 0; i < batch.numRows; i++) {
        if (!vector.isValid(i)) {
          out.push(null);
        } else if (name === 'score') {
          out.push(bits(vector.get(i)));
        } else if (name === 'latency_ns') {
          out.push(vector.get(i).toString()); // a BigInt
        } else {
          out.push(vector.get(i)); // numbers; dictionary columns give their text
        }
      }
    }
  }
  return {
    reader: 'arrow-js',
    library: 'apache-arrow',
    version: packageVersion('apache-arrow'),
    codec: `fzstd ${packageVersion('fzstd')}`,
    rows: batches.reduce((a, b) => a + b, 0),
    batches,
    columns: schema.fields.map((f) => ({ name: f.name, type: String(f.type), nullable: f.nullable })),
    values,
  };
}

/** Polars for Node.js: reads ZSTD itself. */
function readWithPolars(file) {
  const pl = require('nodejs-polars');
  // A Buffer, not the path: readIPCStream takes a string for a path only when it ends in ".ipc", and
  // otherwise parses the string itself as the stream.
  const df = pl.readIPCStream(fs.readFileSync(file));
  const values = {};
  for (const name of COLUMNS) {
    const series = df.getColumn(name);
    if (name === 'score') {
      values[name] = series.toArray().map((v) => (v === null ? null : bits(v)));
    } else if (name === 'latency_ns') {
      values[name] = series.cast(pl.Utf8).toArray(); // Polars' own decimal text, exact for any int64
    } else {
      values[name] = series.toArray();
    }
  }
  return {
    reader: 'polars',
    library: 'nodejs-polars',
    version: packageVersion('nodejs-polars'),
    rows: df.height,
    batches: null,
    columns: Object.entries(df.schema).map(([name, type]) => ({ name, type: type.variant, nullable: null })),
    values,
  };
}

const args = process.argv.slice(2);
const at = args.indexOf('--reader');
if (at < 0 || at + 1 >= args.length) {
  usage('--reader is required');
}
const which = args[at + 1];
const files = args.filter((_, i) => i !== at && i !== at + 1);
if (files.length !== 1) {
  usage('one comparisons.arrows file is required');
}
const readers = { 'arrow-js': readWithArrowJs, polars: readWithPolars };
if (!readers[which]) {
  usage(`unknown reader ${which}`);
}
let result;
try {
  result = readers[which](files[0]);
} catch (e) {
  process.stderr.write(`${which} could not read ${files[0]}: ${e && e.stack ? e.stack : e}\n`);
  process.exit(1);
}
process.stdout.write(`${JSON.stringify(result)}\n`);
