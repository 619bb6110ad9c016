import { beforeEach, describe, expect, it, vi } from 'vitest';

const sendManualTag = vi.fn();
vi.mock('../platform/manual-messaging', () => ({ sendManualTag }));
const { onCommand, onMenuClick } = await import('./manual');
const { MANUAL_COMMAND, MANUAL_MENU_ID } = await import('../core/manual');

const tab = { id: 42 } as Parameters<typeof onCommand>[1];

describe('manual tagging in the background', () => {
  beforeEach(() => {
    sendManualTag.mockReset();
  });

  it('the command asks the top frame of the tab', async () => {
    sendManualTag.mockResolvedValue({ handled: true, leadId: '7', fromPage: false });
    await expect(onCommand(MANUAL_COMMAND, tab)).resolves.toEqual({ handled: true, leadId: '7', fromPage: false });
    expect(sendManualTag).toHaveBeenCalledWith(42, 0, { source: 'command' });
    expect(onCommand('other', tab)).toBeUndefined();
    expect(onCommand(MANUAL_COMMAND, undefined)).toBeUndefined();
  });

  it('the menu asks the clicked frame, then the top frame when that one has no WhyLost script', async () => {
    sendManualTag.mockImplementation(async (_tab: number, frame: number) => {
      if (frame !== 0) throw new Error('Could not establish connection. Receiving end does not exist.');
      return { handled: true, leadId: '9', fromPage: true };
    });
    const click = { menuItemId: MANUAL_MENU_ID, frameId: 3, editable: false, pageUrl: 'https://x.1b.app/' };
    await expect(onMenuClick(click, tab)).resolves.toEqual({ handled: true, leadId: '9', fromPage: true });
    expect(sendManualTag.mock.calls.map((c) => c[1])).toEqual([3, 0]);
    expect(onMenuClick({ ...click, menuItemId: 'other' }, tab)).toBeUndefined();
  });

  it('says so when the page is not a CRM page', async () => {
    sendManualTag.mockRejectedValue(new Error('Receiving end does not exist.'));
    await expect(onCommand(MANUAL_COMMAND, tab)).resolves.toMatchObject({ handled: false, reason: 'no-crm-page' });
  });
});
