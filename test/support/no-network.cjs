/**
 * Preload (`node --require test/support/no-network.cjs …`) that makes every way of opening a network
 * connection throw, so a test proves the CLI and the language server never open one. Stdio pipes are not
 * affected: they are created by libuv for the process, not through net.connect or Socket#connect.
 */
'use strict';
const net = require('node:net');
const dns = require('node:dns');
const http = require('node:http');
const https = require('node:https');
const tls = require('node:tls');
const dgram = require('node:dgram');

function refuse(what) {
  return function refused() {
    const error = new Error(`asl-lint test: network access refused (${what})`);
    error.code = 'ASL_LINT_NO_NETWORK';
    throw error;
  };
}

net.Socket.prototype.connect = refuse('net.Socket#connect');
net.connect = refuse('net.connect');
net.createConnection = refuse('net.createConnection');
dns.lookup = refuse('dns.lookup');
dns.resolve = refuse('dns.resolve');
dns.promises.lookup = refuse('dns.promises.lookup');
http.request = refuse('http.request');
http.get = refuse('http.get');
https.request = refuse('https.request');
https.get = refuse('https.get');
tls.connect = refuse('tls.connect');
dgram.createSocket = refuse('dgram.createSocket');
dgram.Socket.prototype.send = refuse('dgram.Socket#send');
dgram.Socket.prototype.bind = refuse('dgram.Socket#bind');
if (typeof globalThis.fetch === 'function') globalThis.fetch = refuse('fetch');
