import type WebSocket from 'ws';

/** Closes the load generator's sockets politely (terminating any that hang 20 s); returns how many there were. */
export async function closeSockets(open: WebSocket[]): Promise<number> {
  await Promise.all(open.map((socket) => new Promise<void>((resolve) => {
    if (socket.readyState === socket.CLOSED) return resolve();
    const timer = setTimeout(() => {
      socket.terminate();
      resolve();
    }, 20_000);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    if (socket.readyState === socket.CONNECTING) socket.terminate();
    else socket.close(1000, 'Benchmark finished');
  })));
  return open.length;
}
