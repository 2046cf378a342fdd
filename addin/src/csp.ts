// The server's Content-Security-Policy allows no eval. zod probes whether it may compile validators with
// `new Function`; under the CSP the probe fails quietly but the browser still reports a violation. Telling zod to
// run without compiled validators skips the probe (validation is the same, only not JIT-compiled).
import { z } from 'zod';

z.config({ jitless: true });
