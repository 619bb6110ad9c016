import '../../src/components/dashboard/ask-early';
import { createRoot } from 'react-dom/client';
import { Dashboard } from '../../src/components/dashboard/Dashboard';
import '../../src/components/dashboard/dashboard.css';

createRoot(document.getElementById('root')!).render(<Dashboard />);
