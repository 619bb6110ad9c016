import { createRoot } from 'react-dom/client';
import { Options } from '../../src/components/options/Options';
import '../../src/components/options/options.css';

createRoot(document.getElementById('root')!).render(<Options />);
