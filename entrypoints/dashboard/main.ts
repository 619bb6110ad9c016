// The shell's inputs watched first (platform/shell.ts), then start-up values (platform/boot.ts),
// then the views: kept light (no React, no zod).
import '../../src/components/dashboard/shell-inputs';
import { startPage } from '../../src/platform/page-entry';
import '../../src/components/dashboard/dashboard.css';

startPage(() => import('./app'));
