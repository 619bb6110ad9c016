import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../src/background/service';

export default defineBackground(() => {
  startBackground();
});
