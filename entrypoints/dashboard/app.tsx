import '../../src/components/dashboard/ask-early';
import { createRoot } from 'react-dom/client';
import { Dashboard } from '../../src/components/dashboard/Dashboard';

createRoot(document.getElementById('root')!).render(<Dashboard />);
