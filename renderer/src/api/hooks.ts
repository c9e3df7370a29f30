import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { Input, MethodName, Output } from '@shared/api/contract';
import type { ApiError } from '@shared/api/errors';
import { call } from './client';

/** react-query around the client: cache keyed by [method, input]; mutations invalidate by area. */
export function useApiQuery<M extends MethodName>(
  method: M,
  input: Input<M>,
  opts: Omit<UseQueryOptions<Output<M>, ApiError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<Output<M>, ApiError>({ queryKey: [method, input], queryFn: () => call(method, input), ...opts });
}

export function useApiMutation<M extends MethodName>(method: M, opts: { invalidate?: string[] } = {}) {
  const qc = useQueryClient();
  const areas = opts.invalidate ?? [method.split('.')[0]!];
  return useMutation<Output<M>, ApiError, Input<M>>({
    mutationFn: (input) => call(method, input),
    onSuccess: () => qc.invalidateQueries({ predicate: (q) => areas.some((a) => String(q.queryKey[0]).startsWith(`${a}.`)) }),
  });
}
