from sakip_xlsx.entry import main

if __name__ == "__main__":
    main()
