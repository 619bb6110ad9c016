import { createRoot } from 'react-dom/client';
import { recordIdsFrom } from '../../src/core/links';
import { RecordPage } from '../../src/components/record/RecordPage';
import '../../src/components/panel/panel.css';
import '../../src/components/record/record.css';

createRoot(document.getElementById('root')!).render(<RecordPage ids={recordIdsFrom(location.search)} />);
