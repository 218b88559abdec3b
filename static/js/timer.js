/* A pure timer state machine: no DOM access, driven by timestamps. */
export class Timer {}
