// MAx-DNN accelerator harness for ${MODULE} (from AcceleratorHarness.cpp in rtl-templates): a host on
// the accelerator's host port, driven by a binary protocol on stdin/stdout (see AcceleratorHarness.java),
// all little endian: 'W' addr n data[n] writes n 32-bit words at addr, addr+1, ... (a cycle each);
// 'R' addr n reads n words (a cycle each) and answers them; 'G' limit runs until done rises or limit
// cycles passed and answers the cycles run (int64) and 1 if done rose; 'Q' quits. A traced build
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

static V${MODULE}* top;
static uint64_t t = 0;
#if VM_TRACE
static VerilatedVcdC* tfp = nullptr;
#endif

static void cycle() {
  top->clock = 0;
  top->eval();
#if VM_TRACE
  if (tfp) tfp->dump(t);
#endif
  t++;
  top->clock = 1;
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
  top->reset = 1;
  top->hostWrite = 0;
  top->hostRead = 0;
  for (int i = 0; i < 2; i++) cycle();
  top->reset = 0;
  std::vector<uint32_t> buf;
  for (;;) {
    int cmd = std::getchar();
    if (cmd == EOF || cmd == 'Q') break;
    if (cmd == 'W' || cmd == 'R') {
      uint32_t addr, n;
      if (!rd(&addr, 4) || !rd(&n, 4)) return 2;
      buf.resize(n);
      if (cmd == 'W') {
        if (n > 0 && !rd(buf.data(), 4 * (size_t) n)) return 2;
        top->hostWrite = 1;
        for (uint32_t i = 0; i < n; i++) {
          top->hostAddress = addr + i;
          top->hostWriteData = buf[i];
          cycle();
        }
        top->hostWrite = 0;
      } else {
        top->hostRead = 1;
        for (uint32_t i = 0; i < n; i++) {
          top->hostAddress = addr + i;
          cycle();
          buf[i] = top->hostReadData;  // the data of the read the edge just took
        }
        top->hostRead = 0;
        std::fwrite(buf.data(), 4, n, stdout);
        std::fflush(stdout);
      }
    } else if (cmd == 'G') {
      uint64_t limit, ran = 0;
      if (!rd(&limit, 8)) return 2;
      while (!top->done && ran < limit) {
        cycle();
        ran++;
      }
      uint8_t ok = top->done ? 1 : 0;
      std::fwrite(&ran, 8, 1, stdout);
      std::fwrite(&ok, 1, 1, stdout);
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
