import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePlatform } from './platform';

export default async function globalSetup(): Promise<void> {
  mkdirSync(join(__dirname, 'test-results'), { recursive: true });
  await ensurePlatform();
}
