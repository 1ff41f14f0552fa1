// Share links: the program (all its files) deflated with the browser's
// CompressionStream and written base64url into the URL fragment, so a link
// carries the whole program and no server is involved: #p=<data>.

const FORMAT = 1;

function toBase64Url(bytes) {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pipe(bytes, stream) {
  const out = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

/** {main, files, mode} -> fragment text (without '#'). */
export async function encodeProgram(program) {
  const json = JSON.stringify({ v: FORMAT, main: program.main, files: program.files, mode: program.mode });
  const packed = await pipe(new TextEncoder().encode(json), new CompressionStream('deflate-raw'));
  return `p=${toBase64Url(packed)}`;
}

/** Fragment text -> {main, files, mode}, or null when it holds no program. */
export async function decodeProgram(fragment) {
  const m = /(?:^|[#&])p=([A-Za-z0-9_-]+)/.exec(fragment || '');
  if (!m) return null;
  const bytes = await pipe(fromBase64Url(m[1]), new DecompressionStream('deflate-raw'));
  const data = JSON.parse(new TextDecoder().decode(bytes));
  if (!data || typeof data.files !== 'object' || typeof data.main !== 'string') return null;
  return { main: data.main, files: data.files, mode: data.mode === 'instruction' ? 'instruction' : 'line' };
}
