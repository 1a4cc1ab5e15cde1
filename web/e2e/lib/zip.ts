/** The export's zip, read with JSZip (a real zip reader: central directory, CRCs). */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';

export interface ZipContents {
  names: string[];
  text: (name: string) => Promise<string>;
  bytes: (name: string) => Promise<Uint8Array>;
}

export async function readZip(path: string): Promise<ZipContents> {
  const zip = await JSZip.loadAsync(await readFile(path), { checkCRC32: true });
  const names = Object.values(zip.files).filter((f) => !f.dir).map((f) => f.name).sort();
  const entry = (name: string): JSZip.JSZipObject => {
    const file = zip.file(name);
    if (file === null) throw new Error(`the export has no ${name} (it has: ${names.join(', ')})`);
    return file;
  };
  return {
    names,
    text: (name) => entry(name).async('string'),
    bytes: (name) => entry(name).async('uint8array'),
  };
}
