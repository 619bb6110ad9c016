import '../../src/components/popup/shell-inputs';
import '../../src/components/popup/ask-early';
import { createRoot } from 'react-dom/client';
import { Popup } from '../../src/components/popup/Popup';
import '../../src/components/popup/popup.css';

createRoot(document.getElementById('root')!).render(<Popup />);
