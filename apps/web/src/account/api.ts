/** A failed API call, from the problem+json body the platform always answers with. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly reason: string | undefined,
    readonly fieldErrors: Record<string, string>,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

interface Problem {
  detail?: string;
  reason?: string;
  errors?: { field: string; message: string }[];
}

export async function toApiError(response: Response): Promise<ApiError> {
  let problem: Problem = {};
  try {
    problem = (await response.json()) as Problem;
  } catch {
    // not JSON (a proxy error page): fall back to the status text
  }
  const fields: Record<string, string> = {};
  for (const e of problem.errors ?? []) fields[e.field] = e.message;
  const retryAfter = response.headers.get('Retry-After');
  return new ApiError(
    response.status,
    problem.detail ?? `The request failed (${response.status} ${response.statusText}).`,
    problem.reason,
    fields,
    retryAfter ? Number(retryAfter) : undefined,
  );
}

export function messageOf(error: unknown): string {
  if (error instanceof ApiError) {
    return error.retryAfterSeconds ? `${error.message} (try again in ${error.retryAfterSeconds} s)` : error.message;
  }
  return 'Cannot reach KinoBezdna. Check your connection and try again.';
}
