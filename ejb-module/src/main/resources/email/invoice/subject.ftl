Invoice ${invoiceNumber} from ${vendorName}
