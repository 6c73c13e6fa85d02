#!/usr/bin/env bash
# Cuts the embedded default data from the full MNIST and Fashion-MNIST IDX files:
# the first 10,000 training and the first 2,000 test records of each, in file order,
# with the record count in the IDX header rewritten to match, gzipped with -9 -n
# (no name or time stamp, so the output is reproducible byte for byte).
#
#   assets/datasets/make-subsets.sh [SOURCE_DIR]     (default: ../shared/datasets from the repo root)
#
# SOURCE_DIR holds mnist/ and fashion-mnist/ with the publishers' gzipped IDX files.
set -eu
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
src="${1:-$here/../../../shared/datasets}"
train=10000
test=2000

be32() { # a 32-bit big-endian integer as raw bytes
  printf "\\x$(printf %02x $(( ($1 >> 24) & 255 )))\\x$(printf %02x $(( ($1 >> 16) & 255 )))"
  printf "\\x$(printf %02x $(( ($1 >> 8) & 255 )))\\x$(printf %02x $(( $1 & 255 )))"
}

# cut FILE COUNT HEADER_BYTES RECORD_BYTES: magic, new count, the rest of the header, COUNT records.
cut_idx() {
  local in="$1" count="$2" header="$3" record="$4" out="$5"
  {
    gzip -dc "$in" | head -c 4
    be32 "$count"
    gzip -dc "$in" | tail -c +9 | head -c $(( header - 8 + count * record ))
  } | gzip -9 -n > "$out"
}

for name in mnist fashion-mnist; do
  mkdir -p "$here/$name"
  cut_idx "$src/$name/train-images-idx3-ubyte.gz" $train 16 784 "$here/$name/train-images-idx3-ubyte.gz"
  cut_idx "$src/$name/train-labels-idx1-ubyte.gz" $train 8 1 "$here/$name/train-labels-idx1-ubyte.gz"
  cut_idx "$src/$name/t10k-images-idx3-ubyte.gz" $test 16 784 "$here/$name/t10k-images-idx3-ubyte.gz"
  cut_idx "$src/$name/t10k-labels-idx1-ubyte.gz" $test 8 1 "$here/$name/t10k-labels-idx1-ubyte.gz"
done
