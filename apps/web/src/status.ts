/**
 * The gateway's /api/status answer, shared by the site's and the app's status pages. Where a
 * component was checked, what it answered and how long it took are shown to an ADMIN only.
 */
export interface ComponentHealth {
  name: string;
  kind: string;
  up: boolean;
  target?: string;
  detail?: string;
  millis?: number;
}

export interface PlatformStatus {
  status: 'UP' | 'DEGRADED';
  checkedAt: string;
  infrastructure: ComponentHealth[];
  services: ComponentHealth[];
  /** Where the platform's traces can be browsed (Zipkin), for an ADMIN, when tracing is on. */
  tracesUrl?: string;
}

export async function fetchPlatformStatus(signal?: AbortSignal): Promise<PlatformStatus> {
  const response = await fetch('/api/status', { signal, headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`The gateway answered ${response.status} ${response.statusText}`.trim());
  }
  return (await response.json()) as PlatformStatus;
}
