#!/usr/bin/env bash
# Draws the app icon with ImageMagick: a small network (2 inputs, 3 hidden neurons, 1 output)
# whose links are the window's colours, blue for positive weights and orange for negative, their
# width growing with |w|, over a decision boundary's two-tone background.
# Usage: icon.sh OUT.png [SIZE]   (drawn at 256×256, then scaled to SIZE)
set -euo pipefail
out=${1:?usage: icon.sh OUT.png [SIZE]}
size=${2:-256}
blue='#0877BD'; orange='#F59322'
draw=(
  -fill '#FBE3C6' -stroke none -draw 'roundrectangle 8,8 247,247 40,40'
  -fill '#CFE3F2' -draw 'path "M 8,140 C 80,90 170,200 247,110 L 247,207 Q 247,247 207,247 L 48,247 Q 8,247 8,207 Z"'
  -fill none
  -stroke "$blue" -strokewidth 10 -draw 'line 58,88 128,60'
  -stroke "$orange" -strokewidth 4 -draw 'line 58,88 128,128'
  -stroke "$blue" -strokewidth 6 -draw 'line 58,88 128,196'
  -stroke "$orange" -strokewidth 8 -draw 'line 58,168 128,60'
  -stroke "$blue" -strokewidth 4 -draw 'line 58,168 128,128'
  -stroke "$orange" -strokewidth 10 -draw 'line 58,168 128,196'
  -stroke "$blue" -strokewidth 8 -draw 'line 128,60 198,128'
  -stroke "$orange" -strokewidth 6 -draw 'line 128,128 198,128'
  -stroke "$blue" -strokewidth 10 -draw 'line 128,196 198,128'
  -stroke '#444444' -strokewidth 5 -fill white
  -draw 'circle 58,88 58,108' -draw 'circle 58,168 58,188'
  -draw 'circle 128,60 128,80' -draw 'circle 128,128 128,148' -draw 'circle 128,196 128,216'
  -draw 'circle 198,128 198,152'
)
convert -size 256x256 xc:none "${draw[@]}" -resize "${size}x${size}" "PNG32:$out"
