import { apiPost } from '../../../lib/api-client';

export function logout(): Promise<void> {
  return apiPost('logout');
}
