// MAx-DNN cosimulation harness for ${MODULE} (from ArrayHarness.cpp in rtl-templates).
// Binary protocol on stdin/stdout (see ArrayHarness.java): 'L' loads a tile, 'S' streams vectors and
// answers their partial sums, 'C' answers the cycles run since reset, 'Q' quits. A traced build
// (verilator --trace) takes --vcd FILE.
#include "V${MODULE}.h"
#include "verilated.h"
#if VM_TRACE
#include "verilated_vcd_c.h"
#endif
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

static const int ROWS = ${ROWS}, COLS = ${COLS};
static V${MODULE}* top;
static uint64_t t = 0, cycles = 0;
#if VM_TRACE
static VerilatedVcdC* tfp = nullptr;
#endif

static void half(int clk) {
  top->clock = clk;
  top->eval();
#if VM_TRACE
  if (tfp) tfp->dump(t);
#endif
  t++;
}

static bool rd(void* p, size_t n) { return std::fread(p, 1, n, stdin) == n; }

int main(int argc, char** argv) {
  VerilatedContext* ctx = new VerilatedContext;
  ctx->commandArgs(argc, argv);
#if VM_TRACE
  ctx->traceEverOn(true);
#endif
  top = new V${MODULE}{ctx};
#if VM_TRACE
  if (argc > 2 && !std::strcmp(argv[1], "--vcd")) {
    tfp = new VerilatedVcdC;
    top->trace(tfp, 99);
    tfp->open(argv[2]);
  }
#endif
  // the array's vector ports, one Verilog port per element; a fixed array has no code ports
  CData* weightPort[COLS] = {${WEIGHT_PORTS}};
  CData* codePort[COLS] = {${CODE_PORTS}};
  CData* columnPort[COLS] = {${COLUMN_PORTS}}; // the gated array's colEnable
  CData* actPort[ROWS] = {${ACT_PORTS}};
  IData* psumPort[COLS] = {${PSUM_PORTS}};
  top->reset = 1;
  top->inValid = 0;
  top->wloadEn = 0;
  for (int i = 0; i < 2; i++) {
    half(0);
    half(1);
  }
  top->reset = 0;
  cycles = 0;
  static int8_t W[ROWS][COLS];
  static uint8_t K[ROWS][COLS];
  static uint8_t E[COLS];
  std::vector<int8_t> A;
  std::vector<int32_t> O;
  for (;;) {
    int cmd = std::getchar();
    if (cmd == EOF || cmd == 'Q') break;
    if (cmd == 'L') {
      if (!rd(W, sizeof W) || !rd(K, sizeof K) || !rd(E, sizeof E)) return 2;
      for (int c = 0; c < COLS; c++) if (columnPort[c]) *columnPort[c] = E[c] != 0;
      for (int r = 0; r < ROWS; r++) {
        top->wloadEn = 1;
        top->wloadRow = r;
        for (int c = 0; c < COLS; c++) {
          *weightPort[c] = (uint8_t) W[r][c];
          if (codePort[c]) *codePort[c] = K[r][c];
        }
        half(0);
        half(1);
        cycles++;
      }
      top->wloadEn = 0;
    } else if (cmd == 'S') {
      int32_t n;
      if (!rd(&n, 4) || n < 0) return 2;
      A.resize((size_t) n * ROWS);
      O.resize((size_t) n * COLS);
      if (n > 0 && !rd(A.data(), A.size())) return 2;
      int32_t sent = 0, got = 0;
      long guard = 0;
      while (got < n) {
        if (sent < n) {
          const int8_t* a = &A[(size_t) sent * ROWS];
          top->inValid = 1;
          for (int r = 0; r < ROWS; r++) *actPort[r] = (uint8_t) a[r];
          sent++;
        } else {
          top->inValid = 0;
        }
        half(0);
        if (top->outValid) {
          int32_t* o = &O[(size_t) got * COLS];
          for (int c = 0; c < COLS; c++) o[c] = (int32_t) *psumPort[c];
          got++;
        }
        half(1);
        cycles++;
        if (++guard > (long) n + 100000) return 3;
      }
      std::fwrite(O.data(), 4, O.size(), stdout);
      std::fflush(stdout);
    } else if (cmd == 'C') {
      std::fwrite(&cycles, 8, 1, stdout);
      std::fflush(stdout);
    } else {
      return 4;
    }
  }
#if VM_TRACE
  if (tfp) tfp->close();
#endif
  top->final();
  delete top;
  delete ctx;
  return 0;
}
