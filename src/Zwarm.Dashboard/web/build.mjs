// Bundles the dashboard UI into fixed names (app.js, app.css, index.html) in the folder given as the first
// argument; Web.targets runs it before compile and embeds that folder into the zwarm-llm binary.
// Fixed names (no content hashes): the server serves /assets/<name> with Cache-Control: no-cache.
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(process.argv[2] ?? path.join(here, 'dist'));
await mkdir(out, { recursive: true });
await build({
  entryPoints: { app: path.join(here, 'src', 'main.js') },
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2022'],
  outdir: out,
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
});
await copyFile(path.join(here, 'src', 'index.html'), path.join(out, 'index.html'));
console.log(`zwarm dashboard UI bundled into ${out}`);
