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
    // not JSON (a proxy error page): the client says what failed instead
  }
  const fields: Record<string, string> = {};
  for (const e of problem.errors ?? []) fields[e.field] = e.message;
  const retryAfter = response.headers.get('Retry-After');
  return new ApiError(
    response.status,
    problem.detail ?? '',
    problem.reason,
    fields,
    retryAfter ? Number(retryAfter) : undefined,
  );
}
