import { benchAudit } from './audit';
benchAudit({ check: false, quick: process.argv.includes('--quick'), sections: [], runSuite: false, output: '' }).then((f) => console.log(JSON.stringify(f, null, 1)));
