// Child process: the baseline. A bare `ws` server with no CSMS logic: it parses each frame and
// answers every CALL with a canned CALLRESULT (the protocol ceiling), and holding its sockets idle
// gives the memory floor per connection. It keeps its sockets in a Set, as any server must.
import { writeHeapSnapshot } from 'node:v8';
import { WebSocketServer, type WebSocket } from 'ws';
import { collectGarbage, onParentMessage, sendToParent } from '../child-runtime.js';

const cannedPayload = (action: string): object => {
  const currentTime = new Date().toISOString();
  if (action === 'BootNotification') return { status: 'Accepted', currentTime, interval: 300 };
  if (action === 'Heartbeat') return { currentTime };
  return {};
};

const sockets = new Set<WebSocket>();
const server = new WebSocketServer({
  host: '127.0.0.1',
  port: 0,
  perMessageDeflate: false,
  clientTracking: false,
  maxPayload: 262_144,
  handleProtocols: (offered) => offered.values().next().value ?? false,
});

server.on('connection', (socket) => {
  sockets.add(socket);
  socket.on('message', (data) => {
    let frame: unknown;
    try {
      frame = JSON.parse(data.toString());
    } catch {
      return;
    }
    if (!Array.isArray(frame) || frame[0] !== 2 || typeof frame[1] !== 'string' || typeof frame[2] !== 'string') return;
    socket.send(JSON.stringify([3, frame[1], cannedPayload(frame[2])]));
  });
  socket.on('error', () => {});
  socket.on('close', () => sockets.delete(socket));
});

server.on('listening', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  onParentMessage({
    gc: () => sendToParent({ type: 'gc-done', memory: collectGarbage(), sockets: sockets.size }),
    'heap-snapshot': (message) => sendToParent({ type: 'heap-snapshot-done', file: writeHeapSnapshot(String(message['file'])) }),
    stop: () => {
      for (const socket of sockets) socket.terminate();
      server.close(() => process.exit(0));
    },
  });
  sendToParent({ type: 'ready', port, memory: collectGarbage() });
});
