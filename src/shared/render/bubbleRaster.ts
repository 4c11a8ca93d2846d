import type { BubbleRect, FrameSize } from '../editor/bubbleGeometry';

/** Where one plane of a planar frame lies in its buffer (WebCodecs' PlaneLayout). */
export interface Plane {
  readonly offset: number;
  readonly stride: number;
}

/** A frame's pixels as WebCodecs' `copyTo` gives them for format I420: Y, then U and V at half size each way. */
export interface I420Frame {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly planes: readonly Plane[];
}

/** One plane's share of the bubble: the frame pixels it covers and, for each, how much of the camera and ring shows. */
interface PlaneRaster {
  readonly x0: number;
  readonly y0: number;
  readonly width: number;
  readonly height: number;
  /** Shape coverage (0–1) per pixel of the box, row by row; 0 outside the rounded rectangle. */
  readonly coverage: Float32Array;
  /** How much of the white ring lies over the camera, per pixel. */
  readonly ring: Float32Array;
  /** Bilinear sampling of the camera plane: left/top source index and the weight of the next one, per column and row. */
  readonly sourceX: Int32Array;
  readonly weightX: Float32Array;
  readonly sourceY: Int32Array;
  readonly weightY: Float32Array;
  /** Per row, the first covered column and one past the last, so the corners of a circle cost nothing. */
  readonly spans: Int32Array;
}

export interface BubbleRaster {
  readonly frame: FrameSize;
  readonly camera: FrameSize;
  readonly luma: PlaneRaster;
  readonly chroma: PlaneRaster;
}

/** The part of the camera picture that fills the bubble: as much as fits its shape, centred. */
export function cameraCrop(
  rect: BubbleRect,
  camera: FrameSize,
): { x: number; y: number; width: number; height: number } {
  const target = rect.width / rect.height;
  let width = camera.width;
  let height = camera.height;
  if (width / height > target) width = height * target;
  else height = width / target;
  return { x: (camera.width - width) / 2, y: (camera.height - height) / 2, width, height };
}

/** The light ring just inside the bubble's edge, in pixels. */
export const bubbleRingWidth = (rect: BubbleRect) => Math.max(2, rect.width / 60);

const RING_OPACITY = 0.9;
/** White in BT.601 limited range, the colour space of what browsers record and encoders expect by default. */
const WHITE_Y = 235;
const NEUTRAL_CHROMA = 128;

/**
 * Everything about drawing the bubble that does not change from frame to frame, worked out once per frame size and
 * camera size: which pixels it covers (anti-aliased rounded rectangle), its ring, and where each pixel samples the
 * camera (cropped to fill the bubble, centred). It matches the editor's preview: the camera fills the shape, with a
 * light ring of max(2, width / 60) pixels just inside its edge.
 */
export function createBubbleRaster(rect: BubbleRect, frame: FrameSize, camera: FrameSize): BubbleRaster {
  const crop = cameraCrop(rect, camera);
  const shape = {
    ...rect,
    radius: Math.min(rect.radius, rect.width / 2, rect.height / 2),
    ringWidth: bubbleRingWidth(rect),
  };
  return {
    frame,
    camera,
    luma: planeRaster(shape, crop, frame, camera, 1),
    chroma: planeRaster(
      shape,
      crop,
      { width: Math.ceil(frame.width / 2), height: Math.ceil(frame.height / 2) },
      { width: Math.ceil(camera.width / 2), height: Math.ceil(camera.height / 2) },
      2,
    ),
  };
}

interface Shape extends BubbleRect {
  readonly ringWidth: number;
}

/**
 * One plane at `scale` frame pixels per plane pixel (1 for luma, 2 for 4:2:0 chroma). A chroma pixel's coverage is
 * the mean of the four luma pixels it stands for, sampled at their centres.
 */
function planeRaster(
  shape: Shape,
  crop: { x: number; y: number; width: number; height: number },
  plane: FrameSize,
  cameraPlane: FrameSize,
  scale: number,
): PlaneRaster {
  const x0 = Math.max(0, Math.floor(shape.x / scale));
  const y0 = Math.max(0, Math.floor(shape.y / scale));
  const x1 = Math.min(plane.width, Math.ceil((shape.x + shape.width) / scale));
  const y1 = Math.min(plane.height, Math.ceil((shape.y + shape.height) / scale));
  const width = Math.max(0, x1 - x0);
  const height = Math.max(0, y1 - y0);
  const coverage = new Float32Array(width * height);
  const ring = new Float32Array(width * height);
  const offsets = scale === 1 ? [0.5] : [0.5, 1.5];
  const samples = offsets.length * offsets.length;
  for (let row = 0; row < height; row += 1) {
    for (let column = 0; column < width; column += 1) {
      let covered = 0;
      let ringed = 0;
      for (const dy of offsets) {
        for (const dx of offsets) {
          const distance = roundedRectDistance(shape, (x0 + column) * scale + dx, (y0 + row) * scale + dy);
          const inside = clamp01(0.5 - distance);
          covered += inside;
          ringed += inside * clamp01(distance + shape.ringWidth + 0.5);
        }
      }
      const index = row * width + column;
      coverage[index] = covered / samples;
      ring[index] = covered > 0 ? (RING_OPACITY * ringed) / covered : 0;
    }
  }
  const x = axisSampling(
    width,
    (column) => ((x0 + column + 0.5) * scale - shape.x) / shape.width,
    crop.x,
    crop.width,
    cameraPlane.width,
    scale,
  );
  const y = axisSampling(
    height,
    (row) => ((y0 + row + 0.5) * scale - shape.y) / shape.height,
    crop.y,
    crop.height,
    cameraPlane.height,
    scale,
  );
  return {
    x0,
    y0,
    width,
    height,
    coverage,
    ring,
    sourceX: x.index,
    weightX: x.weight,
    sourceY: y.index,
    weightY: y.weight,
    spans: coveredSpans(coverage, width, height),
  };
}

function coveredSpans(coverage: Float32Array, width: number, height: number): Int32Array {
  const spans = new Int32Array(2 * height);
  for (let row = 0; row < height; row += 1) {
    let first = width;
    let end = 0;
    for (let column = 0; column < width; column += 1) {
      if ((coverage[row * width + column] ?? 0) > 0) {
        first = Math.min(first, column);
        end = column + 1;
      }
    }
    spans[2 * row] = first;
    spans[2 * row + 1] = end;
  }
  return spans;
}

/** For each output position (a fraction 0–1 across the bubble), the camera plane pixel to its left or top and the weight of the next. */
function axisSampling(
  count: number,
  fraction: (position: number) => number,
  cropStart: number,
  cropLength: number,
  planeLength: number,
  scale: number,
) {
  const index = new Int32Array(count);
  const weight = new Float32Array(count);
  const last = planeLength - 1;
  for (let position = 0; position < count; position += 1) {
    const at = (cropStart + fraction(position) * cropLength) / scale - 0.5;
    const clamped = Math.min(Math.max(at, 0), last);
    const left = Math.min(Math.floor(clamped), Math.max(last - 1, 0));
    index[position] = left;
    weight[position] = last === 0 ? 0 : clamped - left;
  }
  return { index, weight };
}

/** Signed distance from a point to the rounded rectangle's edge: negative inside. */
function roundedRectDistance(shape: Shape, px: number, py: number): number {
  const halfWidth = shape.width / 2;
  const halfHeight = shape.height / 2;
  const qx = Math.abs(px - (shape.x + halfWidth)) - halfWidth + shape.radius;
  const qy = Math.abs(py - (shape.y + halfHeight)) - halfHeight + shape.radius;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - shape.radius;
}

const clamp01 = (value: number) => Math.min(Math.max(value, 0), 1);

/**
 * Composites the camera into the screen frame, in place, plane by plane: only the bubble's pixels are touched, so
 * the cost is the bubble's area, not the frame's. Both frames must be I420 of the sizes the raster was made for.
 */
export function composeBubble(raster: BubbleRaster, screen: I420Frame, camera: I420Frame): void {
  if (screen.width !== raster.frame.width || screen.height !== raster.frame.height)
    throw new Error(
      `The bubble was laid out for a ${raster.frame.width}×${raster.frame.height} frame, not ${screen.width}×${screen.height}`,
    );
  if (camera.width !== raster.camera.width || camera.height !== raster.camera.height)
    throw new Error(
      `The bubble samples a ${raster.camera.width}×${raster.camera.height} camera, not ${camera.width}×${camera.height}`,
    );
  const [screenY, screenU, screenV] = screen.planes;
  const [cameraY, cameraU, cameraV] = camera.planes;
  if (!screenY || !screenU || !screenV || !cameraY || !cameraU || !cameraV)
    throw new Error('Both frames must have three planes (I420)');
  composePlane(raster.luma, screen.data, [screenY], camera.data, [cameraY], WHITE_Y);
  composePlane(raster.chroma, screen.data, [screenU, screenV], camera.data, [cameraU, cameraV], NEUTRAL_CHROMA);
}

/**
 * The hot loop of a render with a bubble (one call per plane per frame), so it reads the raster's arrays without
 * bounds checks: every index stays inside the box the raster was made for. U and V share one pass.
 */
/* eslint-disable @typescript-eslint/no-non-null-assertion -- the hot loop above reads its own arrays in bounds */
function composePlane(
  raster: PlaneRaster,
  target: Uint8Array,
  targetPlanes: readonly Plane[],
  source: Uint8Array,
  sourcePlanes: readonly Plane[],
  ringValue: number,
): void {
  const { width, height, coverage, ring, sourceX, weightX, sourceY, weightY, spans } = raster;
  for (let plane = 0; plane < targetPlanes.length; plane += 1) {
    const targetPlane = targetPlanes[plane]!;
    const sourcePlane = sourcePlanes[plane]!;
    for (let row = 0; row < height; row += 1) {
      const first = spans[2 * row]!;
      const end = spans[2 * row + 1]!;
      if (first >= end) continue;
      const wy = weightY[row]!;
      const top = sourcePlane.offset + sourceY[row]! * sourcePlane.stride;
      const bottom = wy > 0 ? top + sourcePlane.stride : top;
      const targetRow = targetPlane.offset + (raster.y0 + row) * targetPlane.stride + raster.x0;
      const rowStart = row * width;
      for (let column = first; column < end; column += 1) {
        const index = rowStart + column;
        const alpha = coverage[index]!;
        const sx = sourceX[column]!;
        const wx = weightX[column]!;
        const upper = source[top + sx]! + (source[top + sx + 1]! - source[top + sx]!) * wx;
        const lower = source[bottom + sx]! + (source[bottom + sx + 1]! - source[bottom + sx]!) * wx;
        let value = upper + (lower - upper) * wy;
        const ringAlpha = ring[index]!;
        if (ringAlpha > 0) value += (ringValue - value) * ringAlpha;
        const at = targetRow + column;
        target[at] = alpha === 1 ? value + 0.5 : target[at]! + (value - target[at]!) * alpha + 0.5;
      }
    }
  }
}
/* eslint-enable @typescript-eslint/no-non-null-assertion */
