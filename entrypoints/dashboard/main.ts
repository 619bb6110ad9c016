// Start-up values first (platform/boot.ts), then the views: kept light (no React, no zod).
import { startPage } from '../../src/platform/page-entry';
import '../../src/components/dashboard/dashboard.css';

startPage(() => import('./app'));
