import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, rmSync, openSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where the platform under test answers: KB_BASE_URL, or the gateway port ./kb chose. */
export function baseUrl(): string {
  return process.env.KB_BASE_URL ?? `http://127.0.0.1:${process.env.KB_GATEWAY_PORT ?? '8080'}`;
}

const repositoryRoot = resolve(__dirname, '..');
const marker = join(__dirname, 'test-results', '.platform-started-by-e2e');

interface Status {
  status: string;
  infrastructure: { name: string; up: boolean }[];
  services: { name: string; up: boolean }[];
}

export async function readStatus(): Promise<Status | undefined> {
  try {
    const response = await fetch(`${baseUrl()}/api/status`, { signal: AbortSignal.timeout(5_000) });
    return response.ok ? ((await response.json()) as Status) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reuses a platform that already answers at the base URL; otherwise starts one with `./kb up`
 * in the background (same KB_HOME / ports as this run) and waits until every part is up.
 */
export async function ensurePlatform(): Promise<void> {
  if (await readStatus()) {
    console.log(`e2e: reusing the platform at ${baseUrl()}`);
    return;
  }
  console.log(`e2e: starting the platform (./kb up), gateway at ${baseUrl()}`);
  const log = openSync(join(__dirname, 'test-results', 'platform.log'), 'a');
  const child = spawn(join(repositoryRoot, 'kb'), ['up', '--no-build'], {
    cwd: repositoryRoot,
    detached: true,
    stdio: ['ignore', log, log],
    // One test browser on one address loads pages far faster than a person does (the accessibility
    // pass alone opens twenty pages in half a minute), so the anonymous per-address limit is raised
    // for this platform; the edge's limits themselves are tested in the gateway's ITs.
    env: { KB_GATEWAY_RATE_LIMIT_ADDRESS_PER_SECOND: '200', KB_GATEWAY_RATE_LIMIT_ADDRESS_BURST: '600', ...process.env },
  });
  child.unref();
  writeFileSync(marker, String(child.pid));
  const deadline = Date.now() + 5 * 60_000;
  while (Date.now() < deadline) {
    const status = await readStatus();
    if (status?.status === 'UP') return;
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 1_000));
  }
  throw new Error('the platform did not come up within 5 minutes; see e2e/test-results/platform.log');
}

/** Stops the platform only if this run started it (kb up stops its services and servers on SIGTERM). */
export async function stopPlatformIfStartedHere(): Promise<void> {
  if (!existsSync(marker)) return;
  const pid = Number(readFileSync(marker, 'utf8'));
  rmSync(marker);
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  process.kill(-pid, 'SIGKILL');
}
