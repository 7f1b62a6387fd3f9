// Draws the app icon (a white "v" on an indigo rounded square) as PNGs at every size the
// packages need, with nothing but zlib, so no image tool is required to rebuild it.
// Run: node build/generate-icons.mjs
import { Buffer } from 'node:buffer'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { crc32, deflateSync } from 'node:zlib'

const here = dirname(fileURLToPath(import.meta.url))
const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512]
const BACKGROUND = [79, 70, 229]

function roundedSquareDistance(x, y, size) {
  const radius = size * 0.22
  const half = size / 2
  const qx = Math.abs(x - half) - (half - radius)
  const qy = Math.abs(y - half) - (half - radius)
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0))
  return outside + Math.min(Math.max(qx, qy), 0) - radius
}

function segmentDistance(x, y, [ax, ay], [bx, by]) {
  const t = Math.max(
    0,
    Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
  )
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)))
}

function pixel(x, y, size) {
  const coverage = (distance) => Math.max(0, Math.min(1, 0.5 - distance))
  const square = coverage(roundedSquareDistance(x, y, size))
  const at = (u, v) => [u * size, v * size]
  const stroke = size * 0.065
  const glyph = coverage(
    Math.min(
      segmentDistance(x, y, at(0.3, 0.32), at(0.5, 0.7)),
      segmentDistance(x, y, at(0.5, 0.7), at(0.7, 0.32)),
    ) - stroke,
  )
  const rgb = BACKGROUND.map((channel) => Math.round(channel + (255 - channel) * glyph))
  return [...rgb, Math.round(255 * square)]
}

function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

function png(size) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 6, 0, 0, 0], 8)
  const rows = []
  for (let y = 0; y < size; y++) {
    rows.push(0)
    for (let x = 0; x < size; x++) rows.push(...pixel(x + 0.5, y + 0.5, size))
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

mkdirSync(join(here, 'icons'), { recursive: true })
for (const size of LINUX_SIZES) writeFileSync(join(here, 'icons', `${size}x${size}.png`), png(size))
writeFileSync(join(here, 'icon.png'), png(1024))
