#!/usr/bin/env python3
"""A TCP proxy that can cut the line, standing in for a PostgreSQL that stops and starts again.

    cutproxy.py LISTEN_PORT TARGET_PORT PIDFILE

SIGUSR1 cuts: every open connection is closed and new ones are refused (the listener closes), as when the
database server stops. SIGUSR2 restores: the listener opens again and connections go through to 127.0.0.1:TARGET.
"""
import asyncio
import os
import signal
import sys

LISTEN, TARGET, PIDFILE = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
connections = set()
server = None


async def pipe(reader, writer):
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        writer.close()


async def handle(client_reader, client_writer):
    try:
        db_reader, db_writer = await asyncio.open_connection("127.0.0.1", TARGET)
    except OSError:
        client_writer.close()
        return
    pair = (client_writer, db_writer)
    connections.add(pair)
    await asyncio.gather(pipe(client_reader, db_writer), pipe(db_reader, client_writer))
    connections.discard(pair)


async def listen():
    global server
    server = await asyncio.start_server(handle, "127.0.0.1", LISTEN, reuse_address=True)


def cut():
    server.close()
    for client, db in list(connections):
        for writer in (client, db):
            writer.transport.abort()
    connections.clear()


async def main():
    await listen()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGUSR1, cut)
    loop.add_signal_handler(signal.SIGUSR2, lambda: loop.create_task(listen()))
    with open(PIDFILE, "w") as f:
        f.write(str(os.getpid()))
    await asyncio.Event().wait()


asyncio.run(main())
