import '../hardening/attacks.worker-suite.ts';
