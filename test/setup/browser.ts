/**
 * Global set-up of the browser project: Debian's Chromium (installed with apt-get when missing
 * and allowed, see src/cli/ensure-chromium.ts) and the offline GraphiQL assets.
 */
import { runProjectScript } from './assets.ts';

export default function setup(): void {
  runProjectScript('src/cli/ensure-chromium.ts');
  runProjectScript('src/cli/build-assets.ts');
}
