import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { channelOf } from '@shared/contract/define';
import { openStudio, type Studio } from '../studio';

/** A fresh folder under the OS temp dir, removed after the current test. */
export function tempDir(prefix = 'flipside-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A studio on a real SQLite file in a temp folder, closed after the current test. */
export function tempStudio(dataDir = tempDir()): Studio {
  const studio = openStudio({ dataDir, host: 'cli' });
  onTestFinished(() => studio.close());
  return studio;
}

/** Calls a service through the dispatcher, as the app does, so validation is part of what a test covers. */
export async function callStudio<T>(studio: Studio, service: string, method: string, input: unknown): Promise<T> {
  const result = await studio.dispatcher.dispatch(channelOf(service, method), input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}
