import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Dependencies run app -> features -> components -> lib, never back: lib knows no feature, a
// feature knows no app, and no file reaches into another layer above its own.
const ROOT = join(process.cwd(), 'src'); // vitest runs in webui/
const LAYERS = ['lib', 'components', 'features', 'app'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'test' ? [] : sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function layerOf(path: string): number {
  return LAYERS.indexOf(relative(ROOT, path).split('/')[0]!);
}

describe('the SPA layers', () => {
  it('import only from their own layer or the ones below', () => {
    const upward: string[] = [];
    for (const file of sources(ROOT)) {
      const layer = layerOf(file);
      if (layer < 0) continue; // main.tsx wires everything together
      for (const [, target] of readFileSync(file, 'utf8').matchAll(/(?:from|import) '(\.{1,2}\/[^']+)'/g)) {
        const imported = join(file, '..', target!);
        if (layerOf(imported) > layer) upward.push(`${relative(ROOT, file)} -> ${relative(ROOT, imported)}`);
      }
    }
    expect(upward).toEqual([]);
  });
});
