import { stopPlatformIfStartedHere } from './platform';

export default async function globalTeardown(): Promise<void> {
  await stopPlatformIfStartedHere();
}
