// Kills a service child when the process that started it is gone, whatever the
// way it went (SIGKILL included). Plain JS so it starts in milliseconds.
// Usage: node watchdog.js <parentPid> <childPid>

const parentPid = Number(process.argv[2]);
const childPid = Number(process.argv[3]);

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

function killChild() {
  try {
    process.kill(childPid, 'SIGTERM');
  } catch {
    process.exit(0);
  }
  const deadline = Date.now() + 5000;
  const timer = setInterval(() => {
    if (!alive(childPid)) process.exit(0);
    if (Date.now() > deadline) {
      try {
        process.kill(childPid, 'SIGKILL');
      } catch {}
      process.exit(0);
    }
  }, 100);
  timer.unref?.();
}

process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => {});
setInterval(() => {
  if (!alive(childPid)) process.exit(0);
  if (!alive(parentPid)) killChild();
}, 300);
