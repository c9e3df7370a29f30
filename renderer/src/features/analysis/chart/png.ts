import { call, isDesktop } from '../../../api/client';
import { FONT_STACK } from '../../../grid/theme';
import type { ECharts } from './echarts';

/**
 * A chart as a PNG a finance user can paste into a report: the chart at twice its screen
 * resolution on white, under a header band with its title and the filters it shows (a picture
 * without its slice would be misread later). The desktop app saves it through the core's file
 * store and the native save dialog (files.put → files.saveAs); a browser downloads it.
 */
export async function chartPng(chart: ECharts, title: string, subtitle: string): Promise<string> {
  const ratio = 2;
  const url = chart.getDataURL({ type: 'png', pixelRatio: ratio, backgroundColor: '#ffffff' });
  const img = new Image();
  await new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = () => reject(new Error('chart image'));
    img.src = url;
  });
  const head = 48 * ratio;
  const canvas = document.createElement('canvas');
  canvas.width = img.width;
  canvas.height = img.height + head;
  const g = canvas.getContext('2d');
  if (!g) return url;
  const font = FONT_STACK.map((f) => (f.includes(' ') ? `'${f}'` : f)).join(', ');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.fillStyle = '#1f2329';
  g.font = `600 ${14 * ratio}px ${font}`;
  g.fillText(title, 12 * ratio, 20 * ratio);
  g.fillStyle = '#646a73';
  g.font = `${11 * ratio}px ${font}`;
  g.fillText(subtitle, 12 * ratio, 38 * ratio, canvas.width - 24 * ratio);
  g.drawImage(img, 0, head);
  return canvas.toDataURL('image/png');
}

export async function savePng(dataUrl: string, fileName: string): Promise<void> {
  if (isDesktop()) {
    const ref = await call('files.put', { name: fileName, dataBase64: dataUrl.replace(/^data:[^,]*,/, '') });
    await call('files.saveAs', { fileId: ref.fileId });
    return;
  }
  const a = document.createElement('a');
  a.href = dataUrl;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
}
