// A server that answers every request at once with a canned GetEmailIdentity body: what the SDK
// client alone can drive on this machine (the harness ceiling). Run as a child process.
import http from 'node:http';

const body = JSON.stringify({
  IdentityType: 'EMAIL_ADDRESS',
  VerificationStatus: 'SUCCESS',
  VerifiedForSendingStatus: true,
  FeedbackForwardingStatus: true,
  DkimAttributes: { SigningEnabled: false, Status: 'NOT_STARTED' },
  Tags: [],
  Policies: {},
});
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'x-amzn-requestid': 'stub' });
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => {
  console.log(`stub ready on http://127.0.0.1:${server.address().port}`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
