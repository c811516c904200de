/**
 * Test set-up: the GraphiQL browser test drives Debian's Chromium (/usr/bin/chromium) through
 * playwright-core. When it is missing and this process may use apt-get (root), install it;
 * otherwise say what to do. Exit code 0 either way unless CI=true demands the browser.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (canApt) {
    console.log('Installing Debian chromium for the GraphiQL browser test (apt-get)...');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
  } else {
    const message = `${CHROMIUM} is missing: install the Debian package "chromium" to run the GraphiQL browser test.`;
    if (process.env.CI === 'true') {
      console.error(message);
      process.exit(1);
    }
    console.warn(`${message} That test will be skipped.`);
  }
}
