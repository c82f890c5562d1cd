// The capacity rows' ceiling: a bare Node `http` server (no framework, no routing, no parsing) that
// answers every request with the canned answer in the JSON file named by its argument —
// `{ status, headers, body }`, taken from the emulator's own GetEmailIdentity answer — so a row can read
// as a fraction of what Node itself can serve on this machine. Run as a child process.
import fs from 'node:fs';
import http from 'node:http';

const answer = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const body = Buffer.from(answer.body, 'utf8');
const headers = { ...answer.headers, 'content-length': String(body.length) };
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(answer.status, headers);
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => {
  console.log(`ceiling ready on http://127.0.0.1:${server.address().port}`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
