// s3rver in a process of its own, so the fault suite can kill it (SIGKILL, mid-upload) and
// start it again on the same port and directory. Usage: s3rver-process.ts <dir> <bucket> <port>
import { startEmbeddedS3 } from "../../api/lib/embedded.js";

const [dir, bucket, port] = process.argv.slice(2);
if (!dir || !bucket || !port) {
  process.stderr.write("usage: s3rver-process.ts <dir> <bucket> <port>\n");
  process.exit(2);
}
const s3 = await startEmbeddedS3({ dataDir: dir, bucket, port: Number(port) });
process.stdout.write(`s3rver ready at ${s3.endpoint}\n`);
process.on("SIGTERM", () => void s3.stop().then(() => process.exit(0)));
